import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { AuditLog } from '../audit/audit-log.js';

/** `npm run audit:verify`: walks the audit hash chain; exit 1 if any row was edited or deleted. */
async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { events, problems, head } = await new AuditLog(database.dataSource).verify();
    if (!problems.length) {
      console.log(`audit trail intact: ${events} events checked (${database.description})`);
      // Keeping this line somewhere else (a ticket, a signed mail) also catches a deleted tail.
      if (head) console.log(`head: seq ${head.seq} hash ${head.hash}`);
      return 0;
    }
    console.log(`audit trail BROKEN: ${problems.length} problem(s) in ${events} events (${database.description})`);
    for (const { seq, problem } of problems) console.log(`  seq ${seq}: ${problem}`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(2);
});
