import { t } from '../i18n';

export function PrevNext({ prev, next }: { prev: string | null; next: string | null }) {
  return (
    <nav class="prevnext no-print" aria-label={t('nav.pages')}>
      {prev ? (
        <a class="btn secondary" href={`#/${prev}`} rel="prev">
          <span aria-hidden="true">← </span>
          {t('nav.prev')}
        </a>
      ) : (
        <span />
      )}
      {next && (
        <a class="btn" href={`#/${next}`} rel="next">
          {t('nav.next')}
          <span aria-hidden="true"> →</span>
        </a>
      )}
    </nav>
  );
}
