package io.serverpulse.common.commands;

import java.math.BigInteger;

/** Discord permission bits as read from {@code member.permissions} (a decimal string of a bit set). */
public final class Permissions {

    public static final BigInteger ADMINISTRATOR = BigInteger.ONE.shiftLeft(3);
    public static final BigInteger MANAGE_GUILD = BigInteger.ONE.shiftLeft(5);

    private Permissions() {
    }

    /** Manage Server, which Administrator implies. */
    public static boolean canManageGuild(BigInteger permissions) {
        return permissions != null && (permissions.testBit(3) || permissions.testBit(5));
    }
}
