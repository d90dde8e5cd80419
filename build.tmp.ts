import { openDatabase } from './src/data/db.js';
import { readModelTypes } from './src/data/miners/hub/model-types.js';
import { generateCorpus, storeCorpus } from './test/helpers/mention-corpus.js';
const db = openDatabase('/tmp/mtest.sqlite', { create: true });
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
console.log(storeCorpus(db, generateCorpus({ topics: 20000, seed: 2024, types: readModelTypes() }), '2026-01-01'));
db.pragma('journal_mode = DELETE');
db.close();
