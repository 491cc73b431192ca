package org.spil.analysis.goods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spil.analysis.network.Network;
import org.spil.analysis.network.NetworkBuilder;

/**
 * Each piece of insider evidence on a small port and its nearest innocent neighbour: the colleague
 * of an insider at the same terminal, a member of staff whose only tie is to someone not suspected,
 * and the terminal where drugs were found, which alone lists nobody.
 */
class InsidersTest {
  private static Network port() {
    NetworkBuilder b = new NetworkBuilder(Map.of());
    b.entity("terminal", "Company", "Maasvlakte Container Terminal");
    b.entity("insider", "Person", "Piet Insider");
    b.entity("colleague", "Person", "Cor Collega");
    b.entity("cousin", "Person", "Kees Neef");
    b.entity("broker", "Person", "Bas Broker");
    b.entity("neighbour", "Person", "Nel Buur");
    for (String p : List.of("insider", "colleague", "cousin")) {
      b.link("Employment", "terminal", p, null, null, null, "uwv-polis");
    }
    b.link("Associate", "insider", "broker", null, null, null, "politie-nl");
    b.link("shared phone", "insider", "broker", null, null, null, null);
    b.link("Associate", "colleague", "insider", null, null, null, "politie-nl");
    b.link("Family", "cousin", "neighbour", null, null, null, "politie-nl");
    b.flag("insider", "underworld");
    b.flag("broker", "underworld");
    return b.build();
  }

  private static List<Insiders.Staff> staff(Network net) {
    int t = net.node("terminal");
    return List.of(
        new Insiders.Staff(net.node("insider"), t, "planner"),
        new Insiders.Staff(net.node("colleague"), t, "lasher"),
        new Insiders.Staff(net.node("cousin"), t, "kraanmachinist"));
  }

  @Test
  void aSuspectTiedToSuspectsLeadsAndHisTiesAreNamed() {
    Network net = port();
    List<Insiders.Insider> ranked = Insiders.rank(net, staff(net), Map.of());
    assertThat(ranked.get(0).person()).isEqualTo("insider");
    assertThat(ranked.get(0).score()).isEqualTo(Insiders.SUSPECT + Insiders.LINKED);
    assertThat(ranked.get(0).evidence().get(1).explanation())
        .isEqualTo("tied to suspect Bas Broker: Associate, shared phone");
    assertThat(ranked.get(0).evidence().get(1).datasets()).containsExactly("politie-nl");
  }

  @Test
  void aColleagueTiedToTheInsiderCountsOnceAndACousinOfNoSuspectNotAtAll() {
    Network net = port();
    List<Insiders.Insider> ranked = Insiders.rank(net, staff(net), Map.of());
    assertThat(ranked).extracting(Insiders.Insider::person).containsExactly("insider", "colleague");
    assertThat(ranked.get(1).score()).isEqualTo(Insiders.LINKED);
  }

  @Test
  void aTerminalWithSeizuresAddsToTiesButListsNoOneAlone() {
    Network net = port();
    List<Insiders.Insider> ranked = Insiders.rank(net, staff(net), Map.of(net.node("terminal"), 3));
    assertThat(ranked).extracting(Insiders.Insider::person).containsExactly("insider", "colleague");
    assertThat(ranked.get(0).score())
        .isEqualTo(Insiders.SUSPECT + Insiders.LINKED + Insiders.SEIZURE_TERMINAL);
    assertThat(ranked.get(0).evidence().get(2).explanation())
        .contains("the terminal of 3 containers in which drugs were found");
  }

  @Test
  void tiesCountAtMostThreeTimes() {
    NetworkBuilder b = new NetworkBuilder(Map.of());
    b.entity("firm", "Company", "Stuwadoors");
    b.entity("x", "Person", "X");
    b.link("Employment", "firm", "x", null, null, null, "uwv-polis");
    for (int k = 0; k < 6; k++) {
      b.entity("s" + k, "Person", "S" + k);
      b.link("Associate", "x", "s" + k, null, null, null, "politie-nl");
      b.flag("s" + k, "underworld");
    }
    Network net = b.build();
    List<Insiders.Insider> ranked =
        Insiders.rank(
            net, List.of(new Insiders.Staff(net.node("x"), net.node("firm"), null)), Map.of());
    assertThat(ranked.get(0).score()).isEqualTo(Insiders.MAX_LINKED * Insiders.LINKED);
  }
}
