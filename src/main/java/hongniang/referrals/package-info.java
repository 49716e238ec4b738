/**
 * Referrals (推荐): a resident put forward for a partner unit's posting, from a resident's request or
 * a matchmaker's proposal, through the resident's separate consent (个人信息保护法 Arts. 23, 29) and the
 * employer's answer, to a hire or a refusal with a structured reason. Owns the referral, its
 * history of transitions and its consents, the unit's view of consented candidates, reply deadlines
 * and rates, and the scheduled expiry of untouched referrals. {@link
 * hongniang.referrals.ReferralService} is its door; {@code docs/referrals.md} tells the states.
 */
package hongniang.referrals;
