import { startServer } from '../src/server'
const s = await startServer({ port: 0, admin: false })
const g = await fetch(s.url + '/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ Photographers { totalDocs } People { totalDocs } AllSeries { totalDocs } Seasons { totalDocs } Classes { totalDocs } Events { totalDocs } Circuits { totalDocs } Teams { totalDocs } Manufacturers { totalDocs } Entries { totalDocs } Results { totalDocs } Titles { totalDocs } }' }) })
console.log(g.status, await g.text())
await s.close()
