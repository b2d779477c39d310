import { useState } from 'react';
import { App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { changePassword, errorText } from './api';
import { useT } from './i18n';
import { validated } from './hooks';

/** The user menu's "change password": the current password, the new one twice; UpdateAccount does the rest. */
export default function ChangePassword({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(v.oldPassword, v.newPassword);
      message.success(t('password.changed'));
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ className: 'password-ok' }}
      afterClose={() => setError(null)}
    >
      <Form form={form} name="passwordForm" layout="vertical" preserve={false}>
        <Form.Item name="oldPassword" label={t('password.old')} rules={[{ required: true, message: t('common.required', { field: t('password.old') }) }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[{ required: true, message: t('common.required', { field: t('password.new') }) }, { max: 255 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('password.confirm') }) },
            ({ getFieldValue }) => ({
              validator: async (_, v) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {error && (
        <Typography.Paragraph type="danger" className="password-error" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
