package family.gallery.site.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import family.gallery.accounts.GroupName;
import family.gallery.site.model.AlbumSettings.PhotoOrder;

class AlbumYamlTest {

    @Test
    void readsEveryField() {
        AlbumYaml.Parsed parsed = AlbumYaml.parse("""
                title: Summer by the sea
                date: 2026-07-14
                description: |
                  A week at the coast.
                cover: IMG_0042.jpg
                captions:
                  IMG_0042.jpg: Sunset from the pier
                  IMG_0043.jpg: 42
                sort: name
                hidden: true
                embedded-captions: false
                viewer-sort: false
                """);
        AlbumSettings settings = parsed.settings();
        assertEquals(List.of(), parsed.problems());
        assertEquals("Summer by the sea", settings.title());
        assertEquals(LocalDate.of(2026, 7, 14), settings.date());
        assertEquals("A week at the coast.", settings.description());
        assertEquals("IMG_0042.jpg", settings.cover());
        assertEquals(Map.of("IMG_0042.jpg", "Sunset from the pier", "IMG_0043.jpg", "42"), settings.captions());
        assertEquals(PhotoOrder.NAME, settings.sort());
        assertTrue(settings.hidden());
        assertFalse(settings.embeddedCaptions());
        assertFalse(settings.viewerSort());
        assertTrue(AlbumSettings.DEFAULTS.embeddedCaptions() && AlbumSettings.DEFAULTS.viewerSort());
    }

    @Test
    void aListUnderSortIsAnExplicitOrder() {
        AlbumSettings settings = AlbumYaml.parse("sort: [c.jpg, a.jpg, 'b b.jpg']\ndate: '2026-01-02'").settings();
        assertEquals(PhotoOrder.EXPLICIT, settings.sort());
        assertEquals(List.of("c.jpg", "a.jpg", "b b.jpg"), settings.explicitOrder());
        assertEquals(LocalDate.of(2026, 1, 2), settings.date());
    }

    @Test
    void brokenYamlGivesDefaultsShownToNobodyAndSaysWhy() {
        AlbumYaml.Parsed parsed = AlbumYaml.parse("title: [unclosed\ncaptions: {");
        assertEquals(AlbumSettings.UNREADABLE, parsed.settings());
        assertEquals(Viewers.NOBODY, parsed.settings().viewers(), "the file may have been meant to restrict its viewers");
        assertEquals(1, parsed.problems().size());
        assertTrue(parsed.problems().get(0).startsWith("not valid YAML"), parsed.problems().toString());
    }

    @Test
    void eachBadFieldFallsBackOnItsOwn() {
        AlbumYaml.Parsed parsed = AlbumYaml.parse("""
                title: Kept
                date: next tuesday
                hidden: yes please
                captions: [a, b]
                sort: random
                colour: blue
                embedded-captions: never
                """);
        AlbumSettings settings = parsed.settings();
        assertEquals("Kept", settings.title());
        assertNull(settings.date());
        assertFalse(settings.hidden());
        assertEquals(Map.of(), settings.captions());
        assertEquals(PhotoOrder.TAKEN_AT, settings.sort());
        assertTrue(settings.embeddedCaptions());
        assertEquals(6, parsed.problems().size(), parsed.problems().toString());
        assertTrue(parsed.problems().contains("'embedded-captions' should be true or false, found 'never'; true applies"),
                parsed.problems().toString());
        assertTrue(parsed.problems().contains("unknown field 'colour' ignored"), parsed.problems().toString());
    }

    @Test
    void aDocumentThatIsNotAMappingGivesDefaultsShownToNobody() {
        AlbumYaml.Parsed parsed = AlbumYaml.parse("- just\n- a list\n");
        assertEquals(AlbumSettings.UNREADABLE, parsed.settings());
        assertEquals(List.of("expected a mapping of fields, found a list; the album is shown to nobody until it is fixed"),
                parsed.problems());
        assertEquals(AlbumYaml.Parsed.class, AlbumYaml.parse("").getClass());
        assertEquals(AlbumSettings.DEFAULTS, AlbumYaml.parse("# only a comment\n").settings());
    }

    @Test
    void refusesJavaTagsAndAliasBombs() {
        assertEquals(AlbumSettings.UNREADABLE,
                AlbumYaml.parse("title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]").settings());
        StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (char level = 'b'; level <= 'k'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [*").append(previous).append(",*").append(previous)
                    .append(",*").append(previous).append(",*").append(previous).append("]\n");
        }
        AlbumYaml.Parsed parsed = AlbumYaml.parse(bomb.toString());
        assertEquals(AlbumSettings.UNREADABLE, parsed.settings());
        assertTrue(parsed.problems().get(0).startsWith("not valid YAML"), parsed.problems().toString());
    }

    @Test
    void viewersNameGroupsOrEveryone() {
        assertNull(AlbumYaml.parse("title: Open").settings().viewers(), "not set: inherited");
        assertEquals(Viewers.groups(List.of(GroupName.of("family"), GroupName.of("friends"))),
                AlbumYaml.parse("viewers: [Friends, family]").settings().viewers());
        assertEquals(Viewers.groups(List.of(GroupName.of("parents"))), AlbumYaml.parse("viewers: parents").settings().viewers());
        assertEquals(Viewers.EVERYONE, AlbumYaml.parse("viewers: everyone").settings().viewers());
        assertTrue(AlbumYaml.parse("viewers: [family]").problems().isEmpty());
    }

    @Test
    void viewersThatCannotBeUnderstoodOpenTheAlbumToNobody() {
        AlbumYaml.Parsed mapping = AlbumYaml.parse("viewers: {family: yes}");
        assertEquals(Viewers.NOBODY, mapping.settings().viewers());
        assertTrue(mapping.problems().get(0).contains("shown to nobody"), mapping.problems().toString());

        AlbumYaml.Parsed empty = AlbumYaml.parse("viewers: []");
        assertEquals(Viewers.NOBODY, empty.settings().viewers());
        assertTrue(empty.problems().get(0).contains("names no group"), empty.problems().toString());

        AlbumYaml.Parsed blank = AlbumYaml.parse("viewers:");
        assertEquals(Viewers.NOBODY, blank.settings().viewers());

        AlbumYaml.Parsed partly = AlbumYaml.parse("viewers: [family, 'grand parents', [x], everyone]");
        assertEquals(Viewers.groups(List.of(GroupName.of("family"))), partly.settings().viewers());
        assertEquals(3, partly.problems().size(), partly.problems().toString());
        assertTrue(partly.problems().get(0).contains("'grand parents' is not a group name"), partly.problems().toString());

        AlbumYaml.Parsed none = AlbumYaml.parse("viewers: ['Oma & Opa']");
        assertEquals(Viewers.NOBODY, none.settings().viewers());
        assertFalse(none.settings().viewers().admit(List.of(GroupName.of("family"))));
    }
}
