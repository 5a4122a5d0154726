/**
 * The auditor pack of an area and period (issue 14): one zip an auditor can file and verify offline. The CLI
 * (`bcl pack`) and the pages (`/pack`) both build it here, as neither app may import the other.
 */
export * from './build-auditor-pack';
export * from './pack-manifest';
export { packTemplateDirectory, renderPackHtml, printPdf, CHROMIUM_ARGS } from './pack-document';
export { gatherPackData, type PackData } from './pack-data';
export { areaStreams, yearSpan } from './area-period';
export { WarmChromium, type PdfPrinter } from './warm-chromium';
