const { createDriver, Executor } = require('./dist/store');
(async () => { const ex = new Executor(createDriver({ uri: 'bolt://127.0.0.1:7801' }));
console.log(await ex.read({ cypher: process.argv[2], params: {} })); await ex.close(); })();
