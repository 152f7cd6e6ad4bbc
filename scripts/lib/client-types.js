// The TypeScript SDK's types from the OpenAPI document, as `npm run clients:generate` writes them
// to clients/typescript/src/generated/schema.ts and the contract test regenerates them to compare.
const HEADER = `/**
 * The Sightline API's types, generated from clients/openapi.json by openapi-typescript
 * (\`npm run clients:generate\`). Do not edit: the contract test fails when this is stale.
 */
`;

async function clientTypes(document) {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  return HEADER + astToString(await openapiTS(document));
}

module.exports = { clientTypes };

// `node scripts/lib/client-types.js openapi.json` prints them (jest cannot load openapi-typescript's
// ESM dependencies in-process on Node 20, so the contract test runs this)
if (require.main === module) {
  const document = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
  clientTypes(document).then(
    (types) => process.stdout.write(types),
    (err) => {
      process.stderr.write(`${err.stack || err}\n`);
      process.exit(1);
    },
  );
}
