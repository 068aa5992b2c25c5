/**
 * Shows errors a user can meet in their language. Anything else (a library's error, a schema's
 * issues) is said in our own words in the user's language, its original text kept for a
 * "details" toggle.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { UserMessage } from '../../src/core';
import { describeError } from './error-text';
import { translate, useI18n, type MessageKey } from '../i18n';

interface Notice {
  id: number;
  kind: 'error' | 'info';
  /** In the current language: an OverensError keeps both texts, an info notice its message key, so switching language re-renders them. */
  text: string;
  /** The library's own text (English as a rule), behind a toggle. */
  details?: string;
}

interface StoredNotice {
  id: number;
  kind: Notice['kind'];
  message: UserMessage | { key: MessageKey; params?: Record<string, string | number> };
  details?: string;
}

interface NoticeValue {
  notices: Notice[];
  reportError: (error: unknown) => void;
  /** A passing notice (5 s), given as a message key so it follows the UI language. */
  inform: (key: MessageKey, params?: Record<string, string | number>) => void;
  dismiss: (id: number) => void;
}

const NoticeContext = createContext<NoticeValue | null>(null);
let nextId = 1;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [stored, setNotices] = useState<StoredNotice[]>([]);
  const push = useCallback((kind: Notice['kind'], message: StoredNotice['message'], details?: string) => {
    const id = nextId++;
    setNotices((list) => [...list.slice(-4), { id, kind, message, ...(details ? { details } : {}) }]);
    if (kind === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 5000);
  }, []);
  const reportError = useCallback(
    (error: unknown) => {
      console.error(error);
      const { message, details } = describeError(error);
      push('error', message, details);
    },
    [push],
  );
  const inform = useCallback((key: MessageKey, params?: Record<string, string | number>) => push('info', { key, params }), [push]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notices = useMemo(
    () => stored.map((n) => ({ id: n.id, kind: n.kind, text: 'key' in n.message ? translate(lang, n.message.key, n.message.params) : n.message[lang], ...(n.details ? { details: n.details } : {}) })),
    [stored, lang],
  );
  const value = useMemo(() => ({ notices, reportError, inform, dismiss }), [notices, reportError, inform, dismiss]);
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}

export function useNotices(): NoticeValue {
  const value = useContext(NoticeContext);
  if (!value) throw new Error('useNotices outside NoticeProvider');
  return value;
}
