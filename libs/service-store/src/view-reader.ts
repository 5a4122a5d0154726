import { ViewKey, ViewReader } from '@bcl/kernel';
import { ServiceStore } from './service-store';

/** The kernel's view reader port over one projection's views in the service store (what the API reads). */
export function serviceViewReader<V extends object>(
  service: ServiceStore,
  projection: { readonly name: string },
): ViewReader<V> {
  return {
    async get<X extends V>(key: ViewKey<X>) {
      const view: object | undefined = (await service.loadViews(projection.name, [key])).get(key);
      return view as X | undefined;
    },
    async getMany<X extends V>(keys: ViewKey<X>[]) {
      const views: Map<string, object> = await service.loadViews(projection.name, keys);
      return views as Map<string, X>;
    },
    async list<X extends V>(prefix: ViewKey<X>, limit: number, afterKey?: string) {
      const views: object[] = await service.listViews(projection.name, prefix, limit, afterKey);
      return views as X[];
    },
  };
}
