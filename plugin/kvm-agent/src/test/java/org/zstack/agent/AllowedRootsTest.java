package org.zstack.agent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The one check of every path an agent command touches: inside a registered root, as the kernel resolves it. */
class AllowedRootsTest {
    @TempDir
    Path tmp;
    Path data;
    Path outside;
    AllowedRoots roots;

    @BeforeEach
    void setUp() throws Exception {
        tmp = tmp.toRealPath();
        data = Files.createDirectories(tmp.resolve("data"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        roots = AllowedRoots.of(List.of(data.toString()));
    }

    private String refused(String path) {
        return assertThrows(AgentException.class, () -> roots.confine(path, "storagePath")).getMessage();
    }

    @Test
    void allowsTheRootAndWhatLiesUnderItExistingOrNot() throws Exception {
        assertEquals(data, roots.confine(data.toString(), "p"));
        Files.createDirectories(data.resolve("job"));
        assertEquals(data.resolve("job/disk-0.raw"), roots.confine(data + "/job/disk-0.raw", "p"));
        assertEquals(data.resolve("new/deeper/file.qcow2"), roots.confine(data + "/new/./deeper/file.qcow2", "p"));
        // .. inside the root that stays inside is the same file
        assertEquals(data.resolve("x"), roots.confine(data + "/job/../x", "p"));
    }

    @Test
    void refusesEtcAndNamesThePath() {
        String e = refused("/etc");
        assertTrue(e.startsWith("storagePath /etc is outside the storage roots registered for this host"), e);
        assertTrue(e.contains(data.toString()), e);
        assertTrue(refused("/etc/passwd").contains("/etc/passwd"));
    }

    @Test
    void refusesDotDotOutOfTheRoot() {
        String e = refused(data + "/../outside");
        assertTrue(e.contains(data + "/../outside") && e.contains("resolves to " + outside), e);
        assertTrue(refused(data + "/missing/../../outside").contains("outside"));
        // a .. after a name that does not exist is not resolvable at all
        assertTrue(refused(data + "/missing/..").contains("has '..' after"), refused(data + "/missing/.."));
    }

    @Test
    void refusesASymlinkOutOfTheRoot() throws Exception {
        Files.createSymbolicLink(data.resolve("link"), outside);
        String e = refused(data + "/link");
        assertTrue(e.contains("resolves to " + outside), e);
        assertTrue(refused(data + "/link/job").contains("resolves to " + outside.resolve("job")));
        // a link that stays inside is fine, and what is returned is its target
        Files.createDirectories(data.resolve("real"));
        Files.createSymbolicLink(data.resolve("inner"), data.resolve("real"));
        assertEquals(data.resolve("real/x.qcow2"), roots.confine(data + "/inner/x.qcow2", "p"));
    }

    @Test
    void refusesANewFileWhoseParentIsASymlinkOut() throws Exception {
        Files.createSymbolicLink(data.resolve("vol-1"), outside);
        String e = refused(data + "/vol-1/new.qcow2");
        assertTrue(e.contains("resolves to " + outside.resolve("new.qcow2")), e);
        assertFalse(Files.exists(outside.resolve("new.qcow2")));
    }

    @Test
    void refusesADanglingLinkWhoseTargetIsOut() throws Exception {
        Files.createSymbolicLink(data.resolve("dangling.qcow2"), outside.resolve("created-by-write.qcow2"));
        assertTrue(refused(data + "/dangling.qcow2").contains("resolves to " + outside.resolve("created-by-write.qcow2")));
    }

    @Test
    void aPrefixSiblingIsNotInside() throws Exception {
        Path data2 = Files.createDirectories(tmp.resolve("data2"));
        assertTrue(refused(data2.toString()).contains(data2.toString()));
        assertTrue(refused(data2 + "/job").contains(data2 + "/job"));
    }

    @Test
    void refusesRelativePathsAndNothingIsAllowedBeforeRegistration() {
        assertTrue(refused("data/job").startsWith("storagePath must be an absolute path"));
        AgentException e = assertThrows(AgentException.class,
                () -> AllowedRoots.of(List.of()).confine(data.toString(), "path"));
        assertTrue(e.getMessage().contains("allowed: none"), e.getMessage());
    }

    @Test
    void aRootMayBeALinkAndIsComparedResolved() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("data-link"), data);
        AllowedRoots r = AllowedRoots.of(List.of(link.toString()));
        assertEquals(data.resolve("job"), r.confine(data + "/job", "p"));
        assertEquals(data.resolve("job"), r.confine(link + "/job", "p"));
    }

    @Test
    void jobUuidMustBeAPlainName() {
        assertEquals("0123456789abcdef0123456789abcdef", AllowedRoots.plainName("0123456789abcdef0123456789abcdef", "jobUuid"));
        for (String bad : new String[]{"/etc", "..", "../x", "a/b", ".hidden", "", null, "/" + data}) {
            AgentException e = assertThrows(AgentException.class, () -> AllowedRoots.plainName(bad, "jobUuid"), bad);
            assertTrue(e.getMessage().startsWith("jobUuid must be a plain name"), e.getMessage());
        }
    }

    @Test
    void theRootDirectoryAndRelativeRootsCannotBeRegistered() {
        assertThrows(AgentException.class, () -> roots.register(List.of("/")));
        assertThrows(AgentException.class, () -> roots.register(List.of("/a/..")));
        assertThrows(AgentException.class, () -> roots.register(List.of("relative")));
        // a refused list leaves the old roots
        assertEquals(List.of(data), roots.roots());
    }

    @Test
    void registrationIsKeptInTheStateDirectoryForARestartedAgent() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        AllowedRoots first = AllowedRoots.load(state);
        assertEquals(List.of(), first.roots());
        first.register(List.of(data.toString(), data + "/", outside.toString()));
        assertEquals(List.of(data, outside), first.roots());
        Path file = state.resolve(AllowedRoots.STATE_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(data, outside), AllowedRoots.load(state).roots());

        Files.writeString(file, "not json");
        assertEquals(List.of(), AllowedRoots.load(state).roots());
    }
}
