/**
 * Writes a JSearch-shaped file of N jobs for measuring the importer:
 *   npx tsx bench/jobs-import-file.ts 100000 /tmp/jobs-import.json [prefix]
 *   DATABASE_URL=... npm run jobs:import -- --feed jobs /tmp/jobs-import.json
 * Every 50th row is invalid (a non-boolean job_is_remote), so rejections are measured too.
 */
import fs from "node:fs";

const n = Number(process.argv[2] ?? 100_000);
const file = process.argv[3] ?? "/tmp/jobs-import.json";
const prefix = process.argv[4] ?? "imp";
const cities = [["Cairo", "EG"], ["Dubai", "AE"], ["Riyadh", "SA"], ["Amman", "JO"], ["Casablanca", "MA"], ["Pune", "IN"]];
const titles = ["Backend developer", "Data analyst", "Accountant", "Sales executive", "Product designer", "Civil engineer"];
const out = fs.createWriteStream(file);
out.write('{"status":"OK","request_id":"bench","data":[\n');
const t0 = Date.UTC(2026, 9, 1);
for (let i = 0; i < n; i++) {
  const [city, country] = cities[i % cities.length];
  const title = titles[(i * 7) % titles.length];
  const row = {
    job_id: `${prefix}${i.toString(36).padStart(8, "0")}`,
    employer_name: `Employer ${i % 997}`,
    employer_logo: null,
    job_title: title,
    job_city: city,
    job_state: null,
    job_country: country,
    job_posted_at_datetime_utc: new Date(t0 + i * 60_000).toISOString(),
    job_apply_link: `https://jobs.example/${i}`,
    job_employment_type: i % 5 === 0 ? "CONTRACTOR" : "FULLTIME",
    job_description: `${title} at Employer ${i % 997} in ${city}.\n\nYou will work with a small team on real problems. Requirements: two years of experience, good written English.`,
    job_is_remote: i % 50 === 49 ? "sometimes" : i % 10 === 0,
    job_min_salary: i % 4 === 0 ? null : 1000 + (i % 20) * 500,
    job_max_salary: i % 4 === 0 ? null : String(2000 + (i % 20) * 500),
    job_salary_period: "MONTH",
    job_highlights: { Qualifications: ["ignored"] },
  };
  out.write(`${i ? ",\n" : ""}${JSON.stringify(row)}`);
}
out.end("\n]}\n");
out.on("finish", () => console.log(`${n} jobs written to ${file}`));
