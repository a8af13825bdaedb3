// Where a scanned code goes: a staff badge opens staff sign-in, a receipt goes to a return staff have open, anything else is the shopper's scan.
import { isStaffBadge } from '../staff/badge.js';
import { type ScanSource, useLaneStore } from '../stores/lane.js';
import { useStaffStore } from '../stores/staff.js';

export function useScan() {
  const lane = useLaneStore();
  const staff = useStaffStore();
  /** True when the code went into the basket; a badge never reaches the hub as a scan. */
  return async (code: string, source: ScanSource): Promise<boolean> => {
    if (isStaffBadge(code, lane.hello?.staff?.badgePrefix)) {
      staff.badgeScanned(code.trim());
      return false;
    }
    // A return open in the staff menu takes the receipt code, from the camera as from the wedge scanner.
    if (staff.offerScan(code)) return false;
    return lane.scan(code, source);
  };
}
