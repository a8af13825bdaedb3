// Adds the station's texts to the display's vue-i18n when the staff mode loads, so the customer display never carries them.
import { i18n } from '../../i18n/index.js';
import { stationDa } from './da.js';
import { stationEn } from './en.js';

i18n.global.mergeLocaleMessage('da', stationDa);
i18n.global.mergeLocaleMessage('en', stationEn);
