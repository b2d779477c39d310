package org.zstack.sdk;

public class UpdateV2VConversionHostAction extends AbstractAction {
    public static class Result extends ActionResult<UpdateV2VConversionHostResult, Result> {
    }

    @Param
    public String uuid;

    @Param(required = false, maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param(required = false, maxLength = 2048)
    public String storagePath;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), UpdateV2VConversionHostResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, UpdateV2VConversionHostResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/v2v-conversion-hosts/{uuid}/actions", true, true, "updateV2VConversionHost");
    }
}
