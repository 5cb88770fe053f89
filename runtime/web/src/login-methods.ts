import { useEffect, useState } from 'react';
import { api, ok } from './api.js';

export interface LoginMethods { eid: boolean }

/** Which ways of logging in the runtime offers (eID only when an identity provider is configured). */
export function useLoginMethods(): LoginMethods | undefined {
  const [methods, setMethods] = useState<LoginMethods>();
  useEffect(() => {
    void ok(api.GET('/api/session/methods')).then(setMethods, () => setMethods({ eid: false }));
  }, []);
  return methods;
}
