export default async function globalTeardown(): Promise<void> {
  for (const container of globalThis.__BCL_CONTAINERS__ ?? []) await container.stop();
}
