package org.zstack.header.message;

/** A delete API. Permissive asks dependants whether they allow it first; Enforcing deletes regardless. */
public abstract class APIDeleteMessage extends APIMessage {
    public enum DeletionMode { Permissive, Enforcing }

    @APIParam(required = false, validValues = {"Permissive", "Enforcing"})
    private String deleteMode = DeletionMode.Permissive.toString();

    public String getDeleteMode() { return deleteMode; }
    public void setDeleteMode(String deleteMode) { this.deleteMode = deleteMode; }
    public DeletionMode getDeletionMode() { return DeletionMode.valueOf(deleteMode); }
}
