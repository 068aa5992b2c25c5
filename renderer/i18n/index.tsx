/**
 * The one i18n layer: Swedish first, English second. `useT()` gives a translate function with
 * `{name}` placeholders. The default language is Swedish when the system language is Swedish,
 * otherwise English; the user's choice is remembered.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../src/core';
import { en } from './en';
import { sv, type MessageKey } from './sv';

export type { MessageKey };

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { sv, en };
const STORAGE_KEY = 'overens.language';

export function defaultLanguage(systemLanguage: string, stored: string | null): Language {
  if (stored === 'sv' || stored === 'en') return stored;
  return systemLanguage.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, key);
}

export function translate(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = DICTIONARIES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ systemLanguage, children }: { systemLanguage: string; children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() => defaultLanguage(systemLanguage, localStorage.getItem(STORAGE_KEY)));
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18nValue>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
