package org.zstack.v2v;

/** V2V.* error codes; descriptions in conf/errorCodes/v2v.xml. */
public enum V2VErrors {
    CONVERSION_HOST_NOT_READY(1000),
    STORAGE_PATH_NOT_USABLE(1001),
    TOOLS_MISSING(1002),
    DUPLICATE_CONVERSION_HOST(1003);

    private final String code;

    V2VErrors(int id) {
        code = String.format("V2V.%d", id);
    }

    @Override
    public String toString() {
        return code;
    }
}
