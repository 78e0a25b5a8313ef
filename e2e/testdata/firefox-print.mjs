// Prints HTML files to A4 landscape PDFs in Firefox, driven through
// WebDriver BiDi by puppeteer-core, for e2e/firefox_test.go:
//
//	node firefox-print.mjs FIREFOX IN.html OUT.pdf [IN2.html OUT2.pdf ...]
//
// FIREFOX is the browser's binary (Debian's /usr/bin/firefox-esr). Each
// page is opened from disk and printed as Firefox's print dialog would,
// with backgrounds, honouring the page's own @page size. On any error the
// script says so on stderr and exits 1.
import puppeteer from "puppeteer-core";
import { pathToFileURL } from "node:url";

const [firefox, ...pairs] = process.argv.slice(2);
if (!firefox || pairs.length === 0 || pairs.length % 2 !== 0) {
  console.error("usage: node firefox-print.mjs FIREFOX IN.html OUT.pdf [IN.html OUT.pdf ...]");
  process.exit(2);
}

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: firefox,
  headless: true,
  // A fresh profile, with Firefox's own background requests turned off
  // by puppeteer's defaults; the bundles ask for nothing outside
  // themselves.
  timeout: 60000,
});
try {
  const page = await browser.newPage();
  for (let i = 0; i < pairs.length; i += 2) {
    const [input, output] = [pairs[i], pairs[i + 1]];
    await page.goto(pathToFileURL(input).href, { waitUntil: "load", timeout: 60000 });
    await page.pdf({
      path: output,
      format: "A4",
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
      timeout: 60000,
    });
  }
} catch (err) {
  console.error(String(err && err.stack ? err.stack : err));
  process.exitCode = 1;
} finally {
  await browser.close();
}
