package org.spil.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.spil.model.types.Iban;

/**
 * A deterministic person register for benchmarks: {@code rows} people in a 10-column CSV (id,
 * names, date of birth, nationality, phone, email, IBAN, street, city) with a matching {@code
 * dataset.yml}. Names come from Dutch, Moroccan, Turkish and other pools so that search sees
 * realistic name frequencies.
 */
public final class PersonRegister {
  private PersonRegister() {}

  static final String[] FIRST = {
    "Jan",
    "Pieter",
    "Kees",
    "Mohamed",
    "Mohammed",
    "Ahmed",
    "Youssef",
    "Fatima",
    "Aisha",
    "Emma",
    "Sophie",
    "Julia",
    "Lucas",
    "Daan",
    "Sem",
    "Noah",
    "Liam",
    "Mehmet",
    "Ayse",
    "Emre",
    "Murat",
    "Zeynep",
    "Ivan",
    "Olga",
    "Sergei",
    "Anna",
    "Maria",
    "Jose",
    "Carlos",
    "Luis",
    "Ana",
    "Sanne",
    "Lotte",
    "Bram",
    "Thijs",
    "Ruben",
    "Fleur",
    "Eva",
    "Hamza",
    "Bilal",
    "Nadia",
    "Samira",
    "Karim",
    "Rachid",
    "Said",
    "Hassan",
    "Omar",
    "Ali",
    "Ibrahim",
    "Yusuf",
    "Dirk",
    "Gerrit",
    "Hendrik",
    "Willem",
    "Johan",
    "Anouk",
    "Iris",
    "Marloes",
    "Wouter",
    "Jeroen",
    "Noël",
    "Chloé",
    "Sébastien",
    "Dmitri",
    "Natasha",
    "Wei",
    "Li",
    "Chen",
    "Ravi",
    "Priya",
    "Kwame",
    "Ama",
    "Diego",
    "Valentina"
  };
  static final String[] LAST = {
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "El Amrani",
    "El Idrissi",
    "Benali",
    "Bouzid",
    "Haddou",
    "Ouali",
    "Tahiri",
    "Ziani",
    "Amrani",
    "Chaoui",
    "Yilmaz",
    "Kaya",
    "Demir",
    "Sahin",
    "Celik",
    "Yildiz",
    "Aydin",
    "Ozturk",
    "Arslan",
    "Dogan",
    "Ivanov",
    "Petrov",
    "Smirnov",
    "Kuznetsov",
    "Popov",
    "Garcia",
    "Rodriguez",
    "Martinez",
    "Lopez",
    "Gonzalez",
    "Perez",
    "Sanchez",
    "Dubois",
    "Lambert",
    "Peeters",
    "Maes",
    "Claes",
    "Willems",
    "Wang",
    "Zhang",
    "Liu",
    "Mensah",
    "Owusu",
    "Verhoeven",
    "Kok",
    "Jacobs",
    "van der Linden",
    "Schouten",
    "Koster",
    "Prins",
    "Huisman",
    "Kuipers",
    "Vermeulen"
  };
  static final String[] CITY = {
    "Rotterdam", "Amsterdam", "Den Haag", "Utrecht", "Eindhoven", "Tilburg", "Groningen", "Almere",
        "Breda",
    "Nijmegen", "Antwerpen", "Brussel", "Arnhem", "Haarlem", "Zaandam", "Vlaardingen", "Schiedam",
        "Spijkenisse"
  };
  static final String[] COUNTRY = {
    "Nederland", "Marokko", "Turkije", "België", "Suriname", "Colombia", "Polen", "Duitsland"
  };
  static final String[] STREET = {
    "Kruiskade", "Coolsingel", "Lijnbaan", "Dorpsstraat", "Kerkstraat", "Stationsweg", "Hoofdstraat"
  };

  public static String first(Random r) {
    return FIRST[r.nextInt(FIRST.length)];
  }

  public static String last(Random r) {
    return LAST[r.nextInt(LAST.length)];
  }

  public static void write(Path dir, int rows, long seed) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(seed);
    try (BufferedWriter w =
        Files.newBufferedWriter(dir.resolve("persons.csv"), StandardCharsets.UTF_8)) {
      w.write("id,first_name,last_name,birth_date,nationality,phone,email,iban,street,city\n");
      StringBuilder line = new StringBuilder(200);
      for (int i = 0; i < rows; i++) {
        String f = first(r);
        String l = last(r);
        line.setLength(0);
        line.append("P").append(i).append(',').append(f).append(',').append(l).append(',');
        line.append(
                String.format(
                    "%02d-%02d-%04d", 1 + r.nextInt(28), 1 + r.nextInt(12), 1940 + r.nextInt(65)))
            .append(',');
        line.append(COUNTRY[r.nextInt(COUNTRY.length)]).append(',');
        line.append("06-").append(20_000_000 + r.nextInt(40_000_000)).append(',');
        line.append(f.toLowerCase().replaceAll("[^a-z]", ""))
            .append('.')
            .append(l.toLowerCase().replaceAll("[^a-z]", ""));
        line.append(i).append("@example.nl,");
        line.append(Iban.withCheckDigits("NL", "ABNA0" + String.format("%09d", i))).append(',');
        line.append(STREET[r.nextInt(STREET.length)])
            .append(' ')
            .append(1 + r.nextInt(200))
            .append(',');
        line.append(CITY[r.nextInt(CITY.length)]).append('\n');
        w.append(line);
      }
    }
    Files.writeString(
        dir.resolve("dataset.yml"),
        """
        name: bench-persons
        title: Benchmark person register
        agency: bench
        legal_basis: wpg-art-10
        handling_code: H0
        source_grade: B
        info_grade: 2
        retention: P1Y
        share_with: [all]
        phone_region: NL
        queries:
          - csv_url: persons.csv
            entities:
              person:
                schema: Person
                keys: [id]
                properties:
                  firstName: {column: first_name}
                  lastName: {column: last_name}
                  name: {columns: [first_name, last_name], join: " "}
                  birthDate: {column: birth_date, format: "%d-%m-%Y"}
                  nationality: {column: nationality}
                  phone: {column: phone}
                  email: {column: email}
                  address: {columns: [street, city], join: ", "}
                  idNumber: {column: id}
              account:
                schema: BankAccount
                keys: [iban]
                properties:
                  iban: {column: iban}
                  holder: {entity: person}
        """);
  }
}
