package org.zstack.sdk;

public class UpdateZoneAction extends AbstractAction {
    public static class Result extends ActionResult<UpdateZoneResult, Result> {
    }

    @Param
    public String uuid;

    @Param(required = false, maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), UpdateZoneResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, UpdateZoneResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/zones/{uuid}/actions", true, true, "updateZone");
    }
}
