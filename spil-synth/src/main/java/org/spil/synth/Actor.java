package org.spil.synth;

import java.util.List;

/**
 * A person's part in a criminal network: the role, the nickname others use for them in chats and
 * the chat handles they used (a handle can change halfway through the period, as on EncroChat).
 */
record Actor(int person, String network, Role role, String nickname, List<String> handles) {}
