import type React from 'react';
import { Input } from 'antd';
import type { TextAreaProps } from 'antd/es/input';

/**
 * The text box a private key is pasted into (KVM hosts, the wizard's KVM source): masked on screen like a password,
 * never autocompleted or spell-checked, so the key is neither shown nor kept by the browser.
 */
export function PrivateKeyInput(props: TextAreaProps) {
  return (
    <Input.TextArea
      rows={4}
      autoComplete="off"
      spellCheck={false}
      className="secret-text"
      style={{ fontFamily: 'monospace', WebkitTextSecurity: 'disc' } as React.CSSProperties}
      placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
      {...props}
    />
  );
}
