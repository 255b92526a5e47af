// Reads JSON Lines {"id", "text", "ref"} on stdin and writes {"id", "date"}
// lines: the first day-level date chrono-node finds in text, resolved
// against the reference date ref (YYYY-MM-DD), or "" when it finds none.
// Run with TZ=UTC so dates do not shift across midnight.
import * as chrono from "chrono-node";
import { createInterface } from "node:readline";

const pad = (n) => String(n).padStart(2, "0");
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { id, text, ref } = JSON.parse(line);
  const [y, m, d] = ref.split("-").map(Number);
  const refDate = new Date(Date.UTC(y, m - 1, d, 12));
  let date = "";
  for (const r of chrono.parse(text, refDate)) {
    if (r.start.isCertain("day") || r.start.isCertain("weekday")) {
      const t = r.start.date();
      date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
      break;
    }
  }
  process.stdout.write(JSON.stringify({ id, date }) + "\n");
}
