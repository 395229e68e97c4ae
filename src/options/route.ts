/** The page's sections live in the address fragment: #data, #settings, #explorer, #explorer/<entity id>. */
import { useEffect, useState } from 'preact/hooks';

export type Section = 'data' | 'settings' | 'explorer';

export interface Route {
  section: Section;
  entity?: string;
}

export function parseRoute(hash: string): Route {
  const [head, ...rest] = hash.replace(/^#/, '').split('/');
  const section: Section = head === 'settings' || head === 'explorer' ? head : 'data';
  const entity = section === 'explorer' && rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  return entity ? { section, entity } : { section };
}

export function routeHash(route: Route): string {
  return `#${route.section}${route.entity ? `/${encodeURIComponent(route.entity)}` : ''}`;
}

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const go = (r: Route) => {
    const hash = routeHash(r);
    if (location.hash !== hash) location.hash = hash;
    setRoute(r);
  };
  return [route, go];
}
