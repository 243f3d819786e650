// Validates each JSON index of a built site against its schema in schemas/.
// Usage: node validate_json.js SITE_DIR SCHEMA_DIR; exits 1 on any error.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const [site, schemas] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: true });
let failed = 0;
for (const name of ['runbooks', 'alerts', 'rules', 'lint']) {
  const schema = JSON.parse(fs.readFileSync(path.join(schemas, `${name}.schema.json`), 'utf8'));
  const data = JSON.parse(fs.readFileSync(path.join(site, `${name}.json`), 'utf8'));
  const validate = ajv.compile(schema);
  if (validate(data)) {
    console.log(`ok ${name}.json`);
  } else {
    failed++;
    console.log(`FAIL ${name}.json`);
    for (const e of validate.errors.slice(0, 20)) console.log(`  ${e.instancePath} ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
