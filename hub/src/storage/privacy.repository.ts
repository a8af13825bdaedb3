/** Forgetting a member: their id and details leave visits, sales and the events not yet sent. */
import type { Tx } from './db.js';

export const privacyRepository = {
  /** Erasure: the member's details go from every visit and sale of theirs; unsent events lose their pseudonym. */
  async forgetMember(tx: Tx, memberId: string, pseudonym: string | null): Promise<void> {
    await tx.run("UPDATE visits SET member = NULL WHERE member IS NOT NULL AND json_extract(member, '$.id') = ?", [memberId]);
    await tx.run("UPDATE sales SET basket = json_set(basket, '$.member', json('null')) WHERE json_extract(basket, '$.member.id') = ?", [memberId]);
    if (pseudonym) await privacyRepository.withdrawFromOutbox(tx, pseudonym);
  },

  /** Consent withdrawn: events still waiting in the outbox go without the member's pseudonym. */
  async withdrawFromOutbox(tx: Tx, pseudonym: string): Promise<void> {
    await tx.run(
      "UPDATE outbox SET event = json_set(event, '$.data.member', json('null')) WHERE delivered_at IS NULL AND json_extract(event, '$.data.member.pseudonym') = ?",
      [pseudonym],
    );
  },
};
