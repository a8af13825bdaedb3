// The station's chime for new interventions, with a mute switch each station remembers.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { interventionChime } from '../../common/chime.js';

const KEY = 'selfserve.station.muted';

function readMuted(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export const useSoundStore = defineStore('station-sound', () => {
  const muted = ref(readMuted());
  /** How often the station chimed: the browser test reads it, since it cannot listen. */
  const chimes = ref(0);

  function toggle(): void {
    muted.value = !muted.value;
    try {
      window.localStorage.setItem(KEY, muted.value ? '1' : '0');
    } catch {
      // Not remembered across reloads; the switch still works.
    }
  }

  function alert(): void {
    if (muted.value) return;
    chimes.value += 1;
    interventionChime();
  }

  return { muted, chimes, toggle, alert };
});
