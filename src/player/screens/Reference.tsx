import { useState } from 'preact/hooks';
import { usePlayer } from '../context';
import { t } from '../i18n';
import { setShortcutsEnabled, shortcutsOn } from '../shortcuts';
import { PageContent } from './Page';

export function GlossaryScreen() {
  const { course } = usePlayer();
  return (
    <>
      <h1 tabIndex={-1}>{t('nav.glossary')}</h1>
      <dl class="glossary">
        {course.glossary.map((g) => (
          <div key={g.id} id={`term-${g.id}`}>
            <dt>{g.term}</dt>
            <dd dangerouslySetInnerHTML={{ __html: g.definition }} />
          </div>
        ))}
      </dl>
    </>
  );
}

export function SourcesScreen() {
  const { course } = usePlayer();
  return (
    <>
      <h1 tabIndex={-1}>{t('nav.sources')}</h1>
      {course.modules
        .filter((m) => m.sources.length)
        .map((m) => (
          <section key={m.id} aria-labelledby={`src-${m.id}`}>
            <h2 id={`src-${m.id}`}>{m.title}</h2>
            <ul>
              {m.sources.map((s) => (
                <li key={s.id}>
                  {s.url ? (
                    <a href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.title}
                      <span class="sr-only"> {t('nav.newWindow')}</span>
                    </a>
                  ) : (
                    s.title
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}

const SHORTCUTS = [
  ['N', 'help.keyNext'],
  ['P', 'help.keyPrev'],
  ['M', 'help.keyMenu'],
  ['G', 'help.keyGlossary'],
];

/** The course's accessibility statement, followed by the keyboard shortcuts and the switch that turns them off (WCAG 2.1.4). */
export function HelpScreen() {
  const { course } = usePlayer();
  const [on, setOn] = useState(shortcutsOn());
  const page = course.coursePages.find((p) => p.id === course.accessibilityPage);
  return (
    <>
      <h1 tabIndex={-1}>{page?.title ?? t('help.title')}</h1>
      {page && <PageContent page={page} />}
      <h2>{t('help.shortcuts')}</h2>
      <p>{t('help.shortcutsIntro')}</p>
      <table class="keys">
        <thead>
          <tr>
            <th scope="col">{t('help.key')}</th>
            <th scope="col">{t('help.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([key, label]) => (
            <tr key={key}>
              <td>
                <kbd>{key}</kbd>
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <label class="option">
          <input
            type="checkbox"
            checked={on}
            onChange={(e) => {
              const v = (e.target as HTMLInputElement).checked;
              setShortcutsEnabled(v);
              setOn(v);
            }}
          />
          <span>{t('help.shortcutsOn')}</span>
        </label>
      </p>
    </>
  );
}
