/**
 * The coding workspace's keyboard: value digits (code the selection, or judge), ↑/↓ or j/k for
 * the variable, n for the next unjudged one, a to accept the suggestion, p to accept the assist
 * model's proposal, i to show or hide the
 * coding frame (definitions, rules, anchor examples), Delete for the focused or
 * last passage, Alt+←/→ for the document, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, Escape. Keys typed into
 * form fields are left alone.
 */
import { useEffect, useRef } from 'react';
import type { Judgement, Variable } from '../../../src/core';

export interface CodingKeyHandlers {
  codable: Variable[];
  variableIndex: number;
  setVariableIndex: (update: (i: number) => number) => void;
  judgementByVariable: Map<string, Judgement>;
  assign: (variable: Variable, valueId: string) => void;
  acceptSuggestion: (variable: Variable) => void;
  /** Accept the assist model's proposal for the variable (renderer/assist/useProposals.ts). */
  acceptProposal?: (variable: Variable) => void;
  deleteFocusedOrLast: () => boolean;
  undoRedo: (which: 'undo' | 'redo') => void;
  moveDocument: (delta: number) => void;
  toggleFrame: () => void;
  escape: () => void;
}

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** The index of the next variable after `from` without a judgement, or `from` when all are judged. */
export function nextUnjudged(codable: Variable[], from: number, judgementByVariable: Map<string, Judgement>): number {
  const start = Math.min(from, codable.length - 1);
  for (let step = 1; step <= codable.length; step++) {
    const i = (start + step) % codable.length;
    if (!judgementByVariable.get(codable[i]!.id)?.valueIds.length) return i;
  }
  return from;
}

export function useCodingKeys(handlers: CodingKeyHandlers): void {
  // The listener is registered once and always sees the latest handlers.
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingInField(e.target)) return;
      const h = latest.current;
      const current = h.codable[Math.min(h.variableIndex, h.codable.length - 1)];
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        h.undoRedo(e.shiftKey ? 'redo' : 'undo');
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        h.undoRedo('redo');
      } else if (e.altKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        e.preventDefault();
        h.moveDocument(e.key === 'ArrowRight' ? 1 : -1);
      } else if (!mod && !e.altKey && /^[1-9]$/.test(e.key) && current) {
        const value = current.values[Number(e.key) - 1];
        if (value) {
          e.preventDefault();
          h.assign(current, value.id);
        }
      } else if (!mod && !e.altKey && (e.key === 'ArrowDown' || e.key === 'j')) {
        e.preventDefault();
        h.setVariableIndex((i) => Math.min(h.codable.length - 1, i + 1));
      } else if (!mod && !e.altKey && (e.key === 'ArrowUp' || e.key === 'k')) {
        e.preventDefault();
        h.setVariableIndex((i) => Math.max(0, i - 1));
      } else if (!mod && e.key === 'n') {
        const next = nextUnjudged(h.codable, h.variableIndex, h.judgementByVariable);
        h.setVariableIndex(() => next);
      } else if (!mod && !e.altKey && e.key === 'i') {
        h.toggleFrame();
      } else if (!mod && e.key === 'a' && current) {
        h.acceptSuggestion(current);
      } else if (!mod && !e.altKey && e.key === 'p' && current && h.acceptProposal) {
        e.preventDefault();
        h.acceptProposal(current);
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        if (h.deleteFocusedOrLast()) e.preventDefault();
      } else if (e.key === 'Escape') {
        h.escape();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
