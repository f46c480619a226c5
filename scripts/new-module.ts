// npm run new-module -- <id> — creates modules/<id>/ with a first page in every language and an empty quiz.
import { scaffoldModule } from '../src/node/scaffoldModule.js';

const id = process.argv[2];
if (!id) {
  console.error('Usage: npm run new-module -- <id>   (e.g. npm run new-module -- 07-new-topic)');
  process.exit(1);
}
try {
  for (const f of scaffoldModule(process.env.COURSE_ROOT ?? '.', id)) console.log(`created ${f}`);
  console.log(`\nNext: edit modules/${id}/module.json and the pages; run npm run dev to see them.`);
} catch (e) {
  console.error(`✗ ${(e as Error).message}`);
  process.exit(1);
}
