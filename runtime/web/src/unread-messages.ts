import { useEffect, useState } from 'react';
import { api, ok } from './api.js';
import { useMessageChanges } from './live.js';

/** The number of the citizen's unread messages, kept current by the event stream. */
export function useUnreadMessages(enabled: boolean): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (enabled) void ok(api.GET('/api/me/messages/unread-count')).then((answer) => setUnread(answer.unread), () => undefined);
  }, [enabled]);
  useMessageChanges((change) => setUnread(change.unread), enabled);
  return enabled ? unread : 0;
}
