package org.zstack.sdk;

public class ValidateSessionResult {
    public boolean valid;

    public boolean getValid() {
        return valid;
    }

    public void setValid(boolean valid) {
        this.valid = valid;
    }
}
