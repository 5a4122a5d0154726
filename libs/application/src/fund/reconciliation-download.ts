import { findingsCsv } from '@bcl/domain-fund';
import { poolYearReports, reconciliationWorkbook } from '@bcl/fund-reports';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** A pool-year's reconciliation, as the reports give it. */
export type PoolYearReconciliation = ReturnType<typeof poolYearReports>['reconciliation'];

/** A file to send: its bytes, content type and the Content-Disposition that names it. */
export interface Download {
  body: Buffer;
  contentType: string;
  contentDisposition: string;
}

/**
 * The reconciliation as a file, for the API's `?format=` and the pages' download links alike: CSV (RFC 4180,
 * pence, what it rests on beside every finding) or the XLSX workbook (Summary and Findings sheets).
 */
export async function reconciliationDownload(
  reconciliation: PoolYearReconciliation,
  format: 'csv' | 'xlsx',
): Promise<Download> {
  const name = `reconciliation-${reconciliation.poolId}-${reconciliation.year}`;
  const contentDisposition = `attachment; filename="${name}.${format}"`;
  if (format === 'csv')
    return {
      body: Buffer.from(findingsCsv(reconciliation.findings, reconciliation.terms?.note ?? null)),
      contentType: CSV_CONTENT_TYPE,
      contentDisposition,
    };
  return {
    body: await reconciliationWorkbook(reconciliation),
    contentType: XLSX_CONTENT_TYPE,
    contentDisposition,
  };
}
