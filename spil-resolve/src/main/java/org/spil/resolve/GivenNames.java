package org.spil.resolve;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Given names that are one name to a clerk though no string measure sees it: hypocorisms ("Kees"
 * for Cornelis, "Bill" for William, "Tom" for Thomas), and the forms the same name takes in the
 * languages of the partners' records ("Karel", "Karl", "Charles", "Carlos"; "Youssef", "Yusuf",
 * "Joseph"). Tokens are compared as {@code NameKeys.tokens} writes them: lower case, Latin, no
 * diacritics. A name may belong to several groups ("Jo" is Johannes and Johanna); two names are
 * variants when they share one. The table is written here from common knowledge of the names, not
 * taken from any data set.
 */
final class GivenNames {
  private GivenNames() {}

  private static final String[] GROUPS = {
    "william bill billy will willy willie liam wim willem wilhelm guillaume guillermo",
    "robert bob bobby rob robbie bert roberto",
    "richard dick rick ricky rich richie ricardo riccardo",
    "john jhon jack johnny jon johan johannes jan hans jean juan giovanni ivan ioannis sean ian"
        + " evan jens joop",
    "james jim jimmy jamie jacques sjaak jaime diego giacomo seamus",
    "thomas tom tommy thom tomas tomasz thijs",
    "charles charlie charley chuck karl carl karel carlos carlo",
    "arthur art artie arturo",
    "edward ed eddie ted teddy ned eduard eduardo edouard",
    "henry harry hank hendrik henk henri heinrich enrique enrico",
    "elizabeth elisabeth liz lizzie beth betty bess betsy eliza elise lisa liesbeth",
    "margaret maggie meg peggy marge margriet greet grietje marguerite margarita",
    "catherine katherine kate katie cathy kathy katrien katharina catharina caterina catalina"
        + " ekaterina yekaterina kateryna katya",
    "mary maria marie mia maryam mariam miriam maaike marieke",
    "anne ann anna annie anneke",
    "hannah hanna",
    "joseph joe joey jozef jef jos joep jose pepe giuseppe josef yusuf youssef yousef youssouf",
    "michael mike mick mickey michiel michel miguel michele mikhail misha",
    "peter pete pieter piet pierre pedro pietro petr pyotr piotr",
    "nicholas nick nicky nico klaas nicolaas nicolas nikolai mykola",
    "anthony tony antoon toon antonio antoine anton",
    "francis frank frans francisco paco francesco francois franz",
    "frederick fred freddie frits friedrich federico frederik",
    "alexander alex sander alexandre alejandro aleksandr oleksandr sasha sacha alessandro",
    "andrew andy andre andrei andriy andreas andres andrea drew",
    "stephen steve steven stefan stephan stijn esteban stefano stepan",
    "george georges jorge giorgio georg joris sjors yuri yuriy iurii",
    "david dave davy dawid daud dawud",
    "daniel dan danny daan",
    "samuel sam sammy",
    "benjamin ben benny",
    "matthew matt matthijs matthias mathieu mateo matteo",
    "patrick pat paddy patricio",
    "gerard gerrit gert gerhard gerardo",
    "cornelis kees cor corneel",
    "jacob jaap jakob jacobus kobus jakub yakov",
    "abraham bram abe ibrahim avraham",
    "isaac izaak isaak ishak",
    "dirk derk dietrich",
    "louis lewis lodewijk ludwig luis luigi",
    "paul paulo pablo pavel paolo",
    "adriaan adrianus adrian arie",
    "leonard leo leon leonardus",
    "theodore theodorus theo",
    "martin martinus maarten martijn tinus",
    "johanna jo joanna jana janne",
    "susan sue susie suzanne susanne suus",
    "christopher chris christophe cristobal krzysztof",
    "christine chris christina tina kristina",
    "rebecca becky",
    "deborah debbie",
    "dorothy dorothea dolly",
    "sarah sara sally",
    "helen helena ellen elena lena",
    "eleanor ellie nora leonora",
    "victoria vicky",
    "muhammad mohamed mohammed mohamad mohammad mehmet mehmed mo momo",
    "ahmed ahmet ahmad",
    "mustafa mostafa moustafa",
    "hussein huseyin husain hossein",
    "omar omer umar",
    "abdelkader abdulkadir abdelqader",
    "khalid khaled",
    "rachid rashid",
    "said saeed sayid",
    "fatima fatma fatiha",
    "khadija khadidja",
    "ayse aisha aicha aysha",
    "sergei sergey serhiy sergiy serge sergio",
    "dmitri dmitry dmytro dima",
    "natalia natalya nataliya natasha natalie nathalie",
    "olga olha",
    "irina iryna",
    "vladimir volodymyr",
    "gentian genti"
  };

  private static final Map<String, int[]> GROUPS_OF = index();

  private static Map<String, int[]> index() {
    Map<String, int[]> out = new HashMap<>();
    for (int g = 0; g < GROUPS.length; g++) {
      for (String name : GROUPS[g].split(" ")) {
        int[] had = out.get(name);
        int[] now = had == null ? new int[1] : Arrays.copyOf(had, had.length + 1);
        now[now.length - 1] = g;
        out.put(name, now);
      }
    }
    return out;
  }

  /** Whether two different tokens are forms of one given name. */
  static boolean variants(String x, String y) {
    int[] gx = GROUPS_OF.get(x);
    if (gx == null) {
      return false;
    }
    int[] gy = GROUPS_OF.get(y);
    if (gy == null) {
      return false;
    }
    for (int a : gx) {
      for (int b : gy) {
        if (a == b) {
          return true;
        }
      }
    }
    return false;
  }
}
