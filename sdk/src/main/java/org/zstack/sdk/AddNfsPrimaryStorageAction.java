package org.zstack.sdk;

public class AddNfsPrimaryStorageAction extends AbstractAction {
    public static class Result extends ActionResult<AddPrimaryStorageResult, Result> {
    }

    @Param(maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param(maxLength = 2048)
    public String url;

    @Param
    public String zoneUuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), AddPrimaryStorageResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, AddPrimaryStorageResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/primary-storage/nfs", true, true, "params");
    }
}
