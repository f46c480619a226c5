import { readFileSync } from 'node:fs';
import type { CourseData, QuestionData } from '../schema/courseData.js';
import type { CourseSummary } from './compile.js';
import { escapeHtml as e } from './markdown.js';

/**
 * The reviewer's copy: the whole course in one printable HTML file per locale —
 * every page, every question with its correct answer and feedback, each module's
 * sources and open review notes — so a legal or subject-matter reviewer can read
 * and annotate it without an LMS. Self-contained: images are inlined.
 */

const WORDS = {
  pl: { copy: 'Egzemplarz dla recenzenta', version: 'wersja', reviewed: 'Ostatni przegląd', reviewers: 'Recenzenci', none: 'brak', notes: 'Otwarte uwagi do przeglądu', sources: 'Źródła', quiz: 'Test modułu', checks: 'Pytania sprawdzające na stronach', final: 'Bank pytań testu końcowego', correct: 'Poprawna odpowiedź', feedbackOk: 'Informacja zwrotna (poprawnie)', feedbackBad: 'Informacja zwrotna (błędnie)', points: 'pkt', glossary: 'Słowniczek', coursePages: 'Strony ogólne kursu', trueWord: 'Prawda', falseWord: 'Fałsz', ending: 'Zakończenie', score: 'wynik', start: 'start', objectives: 'Cele szkoleniowe', minutes: 'min', type: 'typ', module: 'moduł', drawn: 'losowanych pytań', quota: 'limity modułów', pass: 'próg zaliczenia', attempts: 'liczba podejść' },
  en: { copy: "Reviewer's copy", version: 'version', reviewed: 'Last reviewed', reviewers: 'Reviewers', none: 'none', notes: 'Open review notes', sources: 'Sources', quiz: 'Module quiz', checks: 'Knowledge checks in the pages', final: 'Final assessment bank', correct: 'Correct answer', feedbackOk: 'Feedback (correct)', feedbackBad: 'Feedback (incorrect)', points: 'pt', glossary: 'Glossary', coursePages: 'Course pages', trueWord: 'True', falseWord: 'False', ending: 'Ending', score: 'score', start: 'start', objectives: 'Learning objectives', minutes: 'min', type: 'type', module: 'module', drawn: 'questions drawn', quota: 'module quotas', pass: 'pass mark', attempts: 'attempts' },
};

export function reviewerCopy(course: CourseData, summary: CourseSummary, assets: Map<string, string>, generatedOn: string): string {
  const w = WORDS[course.locale as keyof typeof WORDS] ?? WORDS.en;
  // Compiled course data always carries every page's HTML (only the player's chunks leave it out).
  const inlineImages = (html: string | null) =>
    (html ?? '')
      // The player's "open at full size" link around figures would point nowhere in this single file.
      .replace(/<a class="figure-link"[^>]*>(<img [^>]*>)<span class="figure-open">[^<]*<\/span><\/a>/g, '$1')
      .replace(/src="(content\/[^"]+)"/g, (m, url: string) => {
        const abs = [...assets].find(([, u]) => u === url)?.[0];
        if (!abs) return m;
        const type = abs.endsWith('.svg') ? 'image/svg+xml' : abs.endsWith('.png') ? 'image/png' : 'image/jpeg';
        return `src="data:${type};base64,${readFileSync(abs).toString('base64')}"`;
      });
  const kcs = (html: string) => html.replace(/<div class="kc" data-question="([^"]+)"><\/div>/g, (_m, id: string) => `<div class="kc">${question(course.questions[id], w)}</div>`);

  const parts: string[] = [];
  parts.push(`<header><p class="stamp">${e(w.copy)} · ${e(course.locale.toUpperCase())} · ${w.version} ${e(course.version)} · ${e(generatedOn)}</p><h1>${e(course.title)}</h1><p>${e(course.description)}</p></header>`);
  const courseNotes = summary.openNotes.filter((n) => n.module === 'course');
  parts.push(`<section><h2>${e(w.coursePages)}</h2><div class="notes"><h3>${w.notes} (${courseNotes.length})</h3>${courseNotes.length ? `<ol>${courseNotes.map((n) => `<li><strong>${e(n.id)}</strong>: ${e(n.text)}</li>`).join('')}</ol>` : `<p>${w.none}</p>`}</div>${course.coursePages.map((p) => `<article><h3>${e(p.title)}</h3>${inlineImages(p.html)}</article>`).join('')}</section>`);
  for (const m of course.modules) {
    const review = summary.reviews.find((r) => r.module === m.id);
    const notes = summary.openNotes.filter((n) => n.module === m.id);
    parts.push(`<section class="module"><h2>${e(m.title)} <small>(${e(m.id)}, ${m.minutes} ${w.minutes})</small></h2>
<p>${e(m.summary)}</p>
<p><strong>${w.reviewed}:</strong> ${e(review?.lastReviewed ?? '—')} · <strong>${w.reviewers}:</strong> ${e(review?.reviewers.join(', ') || w.none)}</p>
<div class="notes"><h3>${w.notes} (${notes.length})</h3>${notes.length ? `<ol>${notes.map((n) => `<li><strong>${e(n.id)}</strong>: ${e(n.text)}</li>`).join('')}</ol>` : `<p>${w.none}</p>`}</div>
<h3>${w.objectives}</h3><ul>${m.objectives.map((o) => `<li>${e(o)}</li>`).join('')}</ul>
${m.pages.map((p) => `<article><h3>${e(p.title)} <small>(${e(p.key)})</small></h3>${kcs(inlineImages(p.html))}</article>`).join('\n')}
<h3>${w.quiz}</h3>${m.quiz.map((id) => question(course.questions[id], w)).join('')}
<h3>${w.sources}</h3><ul>${m.sources.map((s) => `<li>${e(s.title)}${s.url ? ` — <a href="${e(s.url)}">${e(s.url)}</a>` : ''}</li>`).join('')}</ul>
</section>`);
  }
  if (course.final) {
    const f = course.final;
    parts.push(`<section><h2>${w.final}</h2><p>${f.draw} ${w.drawn}; ${w.quota}: ${Object.entries(f.quotas).map(([k, v]) => `${e(k)} ${v}`).join(', ')}; ${w.pass} ${course.settings.passingScore}%; ${w.attempts} ${course.settings.attempts}</p>${f.bank.map((id) => question(course.questions[id], w)).join('')}</section>`);
  }
  parts.push(`<section><h2>${w.glossary}</h2><dl>${course.glossary.map((g) => `<dt>${e(g.term)}</dt><dd>${g.definition}</dd>`).join('')}</dl></section>`);

  return `<!doctype html>
<html lang="${e(course.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(w.copy)}: ${e(course.title)}</title>
<style>
body{font:16px/1.5 system-ui,"Segoe UI",Arial,sans-serif;color:#1a1a1a;max-width:52rem;margin:0 auto;padding:1rem}
h1,h2,h3{line-height:1.25}h2{border-top:3px solid #0b3d91;padding-top:.75rem;margin-top:2.5rem}small{color:#4a4a4a;font-weight:normal}
.stamp{font-weight:bold;color:#8a1c1c}.notes{border:2px solid #8a1c1c;padding:.5rem 1rem;background:#fff5f5}
.callout{border-left:4px solid #0b3d91;background:#f2f5fb;padding:.25rem 1rem;margin:1rem 0}.callout-title{font-weight:bold}
.callout-warning{border-color:#8a5a00;background:#fff8e6}.callout-legal{border-color:#4a2a7a;background:#f6f2fb}
.question{border:1px solid #999;padding:.5rem 1rem;margin:1rem 0;break-inside:avoid}.question .meta{font-size:.85em;color:#4a4a4a}
.ok{font-weight:bold}.ok::before{content:"✓ "}.fb{font-style:italic}figure{margin:1rem 0}img{max-width:100%}
li.task{list-style:none}li.task::before{content:"☐ "}.term-nb{white-space:nowrap}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem}
@media print{body{max-width:none}h2{break-before:page}.question,.callout,figure{break-inside:avoid}a{color:inherit}}
</style></head><body>
${parts.join('\n')}
</body></html>
`;
}

function question(q: QuestionData | undefined, w: (typeof WORDS)['en']): string {
  if (!q) return '';
  const fb = [q.feedback.correct && `<p class="fb">${w.feedbackOk}: ${q.feedback.correct}</p>`, q.feedback.incorrect && `<p class="fb">${w.feedbackBad}: ${q.feedback.incorrect}</p>`].filter(Boolean).join('');
  let body = '';
  switch (q.type) {
    case 'single':
    case 'multiple':
      body = `<ol type="a">${q.choices.map((c) => `<li${c.correct ? ' class="ok"' : ''}>${c.html}${c.feedback ? `<br><span class="fb">${c.feedback}</span>` : ''}</li>`).join('')}</ol>`;
      break;
    case 'truefalse':
      body = `<p class="ok">${w.correct}: ${q.answer ? w.trueWord : w.falseWord}</p>`;
      break;
    case 'matching':
      body = `<table>${q.pairs.map((p) => `<tr><td>${p.prompt}</td><td>→ ${p.match}</td></tr>`).join('')}</table>`;
      break;
    case 'ordering':
      body = `<ol>${q.items.map((i) => `<li>${i.html}</li>`).join('')}</ol>`;
      break;
    case 'fillin':
      body = `<p class="ok">${w.correct}: ${q.answer.kind === 'text' ? q.answer.accepted.map((a) => `„${e(a)}”`).join(' / ') : `${q.answer.value}${q.answer.tolerance ? ` ± ${q.answer.tolerance}` : ''}`}</p>`;
      break;
    case 'scenario':
      body = `<p class="meta">${w.start}: ${e(q.start)}</p>${q.nodes
        .map((n) => `<div><p><strong>${e(n.id)}</strong>: ${n.html}</p><ul>${n.choices.map((c) => `<li>${c.html} → <strong>${e(c.next)}</strong>${c.feedback ? `<br><span class="fb">${c.feedback}</span>` : ''}</li>`).join('')}</ul></div>`)
        .join('')}${q.endings.map((en) => `<p><strong>${w.ending} ${e(en.id)}</strong> (${w.score} ${en.score}%): ${en.html}${en.feedback ? `<br><span class="fb">${en.feedback}</span>` : ''}</p>`).join('')}`;
      break;
  }
  return `<div class="question"><p class="meta">${e(q.id)} · ${w.type}: ${q.type} · ${w.module}: ${e(q.module)} · ${q.points} ${w.points}${q.scoring === 'partial' ? ' · partial' : ''}</p><p><strong>${q.prompt}</strong></p>${body}${fb}</div>`;
}
