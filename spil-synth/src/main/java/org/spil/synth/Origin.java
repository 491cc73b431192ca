package org.spil.synth;

/**
 * Where a synthetic person's family comes from, which fixes the pools of given names and surnames
 * and their real-world spelling variants (the first spelling of each group is the canonical one,
 * the others are how clerks, banks and foreign partners write the same name), the nationality, and
 * for Russian and Ukrainian names the Cyrillic original. The weights roughly follow the population
 * of Rotterdam and Antwerp.
 */
enum Origin {
  DUTCH(
      "nl",
      50,
      new String[][] {
        {"Jan"},
        {"Pieter", "Piet"},
        {"Johannes", "Johan"},
        {"Cornelis", "Kees"},
        {"Willem", "Wim"},
        {"Hendrik", "Henk"},
        {"Daan"},
        {"Sem"},
        {"Thijs", "Tijs"},
        {"Bram"},
        {"Ruud", "Rudolf"},
        {"Gerrit", "Gert"},
        {"Dennis"},
        {"Mark", "Marc"},
        {"Kevin"},
        {"Ricardo"},
        {"Erik", "Eric"}
      },
      new String[][] {
        {"Anna", "Anne"},
        {"Maria", "Marie"},
        {"Sanne"},
        {"Anouk"},
        {"Lotte"},
        {"Sophie", "Sofie"},
        {"Femke"},
        {"Linda"},
        {"Ingrid"},
        {"Kim"}
      },
      new String[][] {
        {"de Vries", "De Vries", "Vries"},
        {"Jansen", "Janssen"},
        {"van den Berg", "v.d. Berg"},
        {"Bakker", "Backer"},
        {"Visser"},
        {"Smit", "Smits"},
        {"Meijer", "Meyer"},
        {"de Boer"},
        {"Mulder"},
        {"de Jong", "De Jong"},
        {"van Dijk", "van Dyk"},
        {"Bos"},
        {"Vos"},
        {"Peters", "Pieters"},
        {"Hendriks", "Hendrikx"},
        {"van Leeuwen"},
        {"Dekker"},
        {"Brouwer"},
        {"de Wit"},
        {"Dijkstra"},
        {"Kok"},
        {"van der Linden", "vd Linden"},
        {"Verhoeven"},
        {"Koster"},
        {"Prins"},
        {"Huisman"},
        {"Schouten"},
        {"Kuipers", "Kuijpers"}
      },
      null,
      null,
      null),
  MOROCCAN(
      "ma",
      12,
      new String[][] {
        {"Mohamed", "Mohammed", "Muhammad", "Mohamad", "Mohammad"},
        {"Youssef", "Yusuf", "Yousef", "Youssouf"},
        {"Said", "Saïd", "Sayid"},
        {"Abdelkader", "Abdel Kader", "Abdulkadir"},
        {"Rachid", "Rashid"},
        {"Karim", "Kareem"},
        {"Hamza"},
        {"Bilal"},
        {"Mustafa", "Mostafa", "Moustafa"},
        {"Khalid", "Khaled"},
        {"Nordin", "Noureddine"},
        {"Anouar", "Anwar"}
      },
      new String[][] {
        {"Fatima", "Fatma", "Fatiha"}, {"Khadija", "Khadidja"}, {"Naima", "Naïma"},
        {"Samira"}, {"Loubna", "Lubna"}, {"Houda", "Hoda"}
      },
      new String[][] {
        {"El Amrani", "El-Amrani", "Elamrani"},
        {"Boukhari", "Bukhari"},
        {"Ouali", "Wali"},
        {"Benali", "Ben Ali"},
        {"El Idrissi", "Elidrissi", "El-Idrissi"},
        {"Bouzid"},
        {"Azzouzi", "Azouzi"},
        {"Tahiri"},
        {"Achahbar", "Ashahbar"},
        {"Ait Taleb", "Aït Taleb", "Ait-Taleb"},
        {"El Khattabi", "Khattabi"},
        {"Bouchtaoui", "Boushtaoui"},
        {"Ziani"},
        {"Marzouki", "Marzougui"}
      },
      null,
      null,
      null),
  TURKISH(
      "tr",
      10,
      new String[][] {
        {"Mehmet", "Mehmed"},
        {"Ahmet", "Ahmed"},
        {"Hüseyin", "Huseyin", "Hussein"},
        {"Mustafa"},
        {"Emre"},
        {"Burak"},
        {"Murat"},
        {"Hakan"},
        {"Serkan"},
        {"Ömer", "Omer"}
      },
      new String[][] {{"Ayşe", "Ayse"}, {"Emine"}, {"Zeynep"}, {"Elif"}, {"Hatice", "Hatidje"}},
      new String[][] {
        {"Yılmaz", "Yilmaz"},
        {"Çelik", "Celik"},
        {"Şahin", "Sahin"},
        {"Öztürk", "Ozturk"},
        {"Kaya"},
        {"Demir"},
        {"Doğan", "Dogan"},
        {"Aydın", "Aydin"},
        {"Arslan", "Aslan"},
        {"Koç", "Koc"},
        {"Yıldız", "Yildiz"},
        {"Kılıç", "Kilic"}
      },
      null,
      null,
      null),
  SURINAMESE(
      "sr",
      5,
      new String[][] {{"Rigo"}, {"Rodney"}, {"Romano"}, {"Glenn"}, {"Orlando"}, {"Dinesh"}},
      new String[][] {{"Sharon"}, {"Shirley"}, {"Priya"}},
      new String[][] {
        {"Pinas"},
        {"Kromodimedjo", "Kromodimejo"},
        {"Sedney"},
        {"Doelwijt", "Doelwyt"},
        {"Biharie"},
        {"Ramdin"},
        {"Fränkel", "Frankel"}
      },
      null,
      null,
      null),
  EAST_SLAVIC(
      "ua",
      5,
      new String[][] {
        {"Ivan"}, {"Sergei", "Sergey", "Serhiy"}, {"Dmitri", "Dmitry", "Dmytro"},
        {"Aleksandr", "Alexander", "Oleksandr"}, {"Yuri", "Yuriy", "Iurii"}, {"Andrei", "Andriy"}
      },
      new String[][] {{"Olga", "Olha"}, {"Natalia", "Natalya", "Nataliya"}, {"Irina", "Iryna"}},
      new String[][] {
        {"Ivanov", "Ivanow"}, {"Petrov", "Petrow"}, {"Kovalenko"}, {"Shevchenko", "Sjevtsjenko"},
        {"Smirnov", "Smirnow"}, {"Volkov", "Wolkow"}, {"Kuznetsov", "Kouznetsov"}, {"Bondarenko"}
      },
      new String[] {"Іван", "Сергій", "Дмитро", "Олександр", "Юрій", "Андрій"},
      new String[] {"Ольга", "Наталія", "Ірина"},
      new String[] {
        "Іванов", "Петров", "Коваленко", "Шевченко", "Смирнов", "Волков", "Кузнецов", "Бондаренко"
      }),
  COLOMBIAN(
      "co",
      4,
      new String[][] {
        {"José", "Jose"},
        {"Juan Carlos", "Juan-Carlos"},
        {"Andrés", "Andres"},
        {"Luis"},
        {"Carlos"},
        {"Jhon", "John"}
      },
      new String[][] {{"María José", "Maria Jose"}, {"Paola"}, {"Yesenia", "Jesenia"}},
      new String[][] {
        {"García", "Garcia"},
        {"Rodríguez", "Rodriguez"},
        {"Martínez", "Martinez"},
        {"Gómez", "Gomez"},
        {"Restrepo"},
        {"Ospina"},
        {"Cardona"},
        {"Zuluaga"}
      },
      null,
      null,
      null),
  ALBANIAN(
      "al",
      3,
      new String[][] {{"Arben"}, {"Besnik"}, {"Ardit"}, {"Gentian", "Genti"}, {"Ilir"}},
      new String[][] {{"Elira"}, {"Blerta"}},
      new String[][] {
        {"Hoxha", "Hodja"}, {"Krasniqi", "Krasniçi"}, {"Berisha"}, {"Gashi"}, {"Shehu", "Sehu"}
      },
      null,
      null,
      null),
  FLEMISH(
      "be",
      11,
      new String[][] {
        {"Jef", "Jozef"}, {"Dirk"}, {"Koen"}, {"Wouter"}, {"Bart"}, {"Stijn"}, {"Pieter-Jan"}
      },
      new String[][] {{"Els"}, {"An", "Ann"}, {"Lien"}, {"Katrien", "Catherine"}},
      new String[][] {
        {"Peeters", "Peters"},
        {"Janssens", "Jansens"},
        {"Maes", "Maas"},
        {"Jacobs"},
        {"Mertens"},
        {"Willems"},
        {"Claes", "Claeys"},
        {"Goossens", "Goosens"},
        {"Wouters"},
        {"De Smet", "Desmet"},
        {"Van de Velde", "Vandevelde"}
      },
      null,
      null,
      null);

  final String nationality;
  final double weight;
  final String[][] male;
  final String[][] female;
  final String[][] surnames;
  final String[] cyrillicMale;
  final String[] cyrillicFemale;
  final String[] cyrillicSurnames;

  Origin(
      String nationality,
      double weight,
      String[][] male,
      String[][] female,
      String[][] surnames,
      String[] cyrillicMale,
      String[] cyrillicFemale,
      String[] cyrillicSurnames) {
    this.nationality = nationality;
    this.weight = weight;
    this.male = male;
    this.female = female;
    this.surnames = surnames;
    this.cyrillicMale = cyrillicMale;
    this.cyrillicFemale = cyrillicFemale;
    this.cyrillicSurnames = cyrillicSurnames;
  }

  static final double[] WEIGHTS = weights();

  private static double[] weights() {
    double[] w = new double[values().length];
    for (Origin o : values()) {
      w[o.ordinal()] = o.weight;
    }
    return w;
  }

  boolean livesInBelgium() {
    return this == FLEMISH;
  }
}
