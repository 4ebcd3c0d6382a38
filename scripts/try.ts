import { startServer } from '../src/server'
const s = await startServer({ port: 0, admin: false })
const r = await fetch(s.url + '/api/articles?depth=0')
const j = await r.json()
console.log(r.status, j.docs[0].title, '|', j.docs[0].standfirst)
const r2 = await (await fetch(s.url + '/api/articles?depth=0&locale=it')).json()
console.log(r2.docs[0].title, '|', r2.docs[0].seoDescription)
for (const q of ['{ Articles { docs { title slug } } }', '{ Articles(locale: en) { docs { title slug } } }', '{ Articles(locale: it) { docs { title slug } } }']) {
const g = await fetch(s.url + '/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) })
console.log(g.status, await g.text())
}
await s.close()
