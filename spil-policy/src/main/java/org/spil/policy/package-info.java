/**
 * Who may see what and why: users, roles, cases, purposes, the legal-bases table, and the policy
 * that decides per batch of statements whether a viewer sees it in full, only learns that it exists
 * (hit-only) or not at all.
 *
 * <p>Entry points: {@link org.spil.policy.Directory#viewer} (the only way to a {@link
 * org.spil.policy.Viewer}), {@link org.spil.policy.Policy#decide} (the rules in order, first match
 * decides), {@link org.spil.policy.MatchCodes} (keyed encodings for hit/no-hit).
 *
 * <p>Invariants: default deny, anything missing or unknown is invisible; the policy is a pure
 * function of provenance, viewer, grants and the day, tested against a separately written
 * reference.
 */
package org.spil.policy;
