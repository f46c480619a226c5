// npm run schemas — writes schemas/*.schema.json from the zod schemas (the one source of truth),
// so editors autocomplete and underline mistakes in every course JSON file ("$schema": …).
import { writeJsonSchemas } from '../src/node/jsonSchemas.js';

for (const f of writeJsonSchemas()) console.log(`wrote ${f}`);
