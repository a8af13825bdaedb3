// Listens to the bump bar (a small keyboard) anywhere on the page, except where a person is typing or in a dialog.
import { onMounted, onUnmounted } from 'vue';
import { type BumpCommand, bumpCommand } from './logic/bumpbar.js';

export function useBumpBar(run: (command: BumpCommand) => void, enabled: () => boolean): void {
  function onKey(e: KeyboardEvent): void {
    if (!enabled() || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('input, textarea, select, dialog, [contenteditable="true"]')) return;
    const command = bumpCommand(e.key);
    if (!command) return;
    // Enter on a focused button presses that button, as a keyboard user expects; B bumps the selected order from anywhere.
    if (e.key === 'Enter' && target?.closest('button')) return;
    e.preventDefault();
    run(command);
  }
  onMounted(() => document.addEventListener('keydown', onKey));
  onUnmounted(() => document.removeEventListener('keydown', onKey));
}
