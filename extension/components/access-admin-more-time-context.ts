// Whether this surface can ask for more time: the popup provides the opener; the in-page switcher
// (a content script, which may not send access requests) does not, so its rows show no button.
import { createContext } from 'preact';

export type RequestMoreTime = (tenantId: string, name: string) => void;

export const MoreTimeContext = createContext<RequestMoreTime | null>(null);
