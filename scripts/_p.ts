import { fixtures } from '../mock/fixtures'
import { QaIndex } from '../server/modules/qa'
const idx = new QaIndex(fixtures.faqs)
for (const q of process.argv.slice(2)) { const a = idx.ask(q, 3); console.log(q, a.confidence, a.items.map((h) => `${h.faq.id} ${h.score}`).join(' | ')) }
