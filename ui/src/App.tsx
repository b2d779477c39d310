import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, App as AntApp, Button, Card, ConfigProvider, Dropdown, Form, Input, Layout, Menu, Space, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { errorText, getAccount, getSession, login, logout, onSessionExpired } from './api';
import ChangePassword from './ChangePassword';
import { I18n, Lang, initialLang, rememberLang, translator, useT } from './i18n';

// one chunk per page, loaded when the page is first shown: the login needs none of them
const ConversionHosts = lazy(() => import('./pages/ConversionHosts'));
const SourcePlatforms = lazy(() => import('./pages/SourcePlatforms'));
const Tasks = lazy(() => import('./pages/Tasks'));
const Wizard = lazy(() => import('./pages/Wizard'));

/** Each page's own title in the browser's tab. */
function usePageTitle(title: string) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} - ${t('app.title')}`;
  }, [title, t]);
}

// Pages are addressed by the URL's hash: #/hosts, #/sources, #/tasks, #/tasks/new.
function useHash(): [string, (h: string) => void] {
  const read = () => window.location.hash.replace(/^#/, '') || '/hosts';
  const [hash, setHash] = useState(read);
  useEffect(() => {
    const f = () => setHash(read());
    window.addEventListener('hashchange', f);
    return () => window.removeEventListener('hashchange', f);
  }, []);
  return [hash, (h: string) => (window.location.hash = h)];
}

function Login({ onDone, expired }: { onDone: () => void; expired: boolean }) {
  const t = useT();
  usePageTitle(t('page.login'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 120 }}>
      <Card title={t('login.title')} style={{ width: 400 }}>
        {expired && <Alert type="warning" showIcon className="session-expired" title={t('session.expired')} style={{ marginBottom: 16 }} />}
        <Form
          name="login"
          layout="vertical"
          initialValues={{ accountName: 'admin' }}
          onFinish={async (v) => {
            setBusy(true);
            setError(null);
            try {
              await login(v.accountName, v.password);
              onDone();
            } catch (e) {
              setError(errorText(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="accountName" label={t('login.account')} rules={[{ required: true }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && (
            <Typography.Paragraph type="danger" className="login-error" style={{ whiteSpace: 'pre-wrap' }}>
              {error}
            </Typography.Paragraph>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

function Shell({ lang, setLang }: { lang: Lang; setLang: (l: Lang) => void }) {
  const t = useT();
  const [hash, go] = useHash();
  const [loggedIn, setLoggedIn] = useState(!!getSession());
  const [changingPassword, setChangingPassword] = useState(false);
  // the node ended the session (ID.1001): back to the login, which says why
  const [expired, setExpired] = useState(false);
  useEffect(
    () =>
      onSessionExpired(() => {
        setExpired(true);
        setLoggedIn(false);
      }),
    [],
  );

  const langButton = (
    <Button size="small" className="lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t('lang.switch')}
    </Button>
  );
  if (!loggedIn) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <div style={{ position: 'absolute', right: 24, top: 16 }}>{langButton}</div>
        <Login
          expired={expired}
          onDone={() => {
            setExpired(false);
            setLoggedIn(true);
          }}
        />
      </Layout>
    );
  }
  const section = hash.split('/')[1] || 'hosts';
  let page;
  let title;
  if (hash === '/tasks/new') {
    page = <Wizard onClose={() => go('/tasks')} />;
    title = t('wizard.title');
  } else if (section === 'sources') {
    page = <SourcePlatforms />;
    title = t('menu.sources');
  } else if (section === 'tasks') {
    page = <Tasks onCreate={() => go('/tasks/new')} />;
    title = t('menu.tasks');
  } else {
    page = <ConversionHosts />;
    title = t('menu.hosts');
  }
  return (
    <Console title={title} section={section} go={go} langButton={langButton} changingPassword={changingPassword}
      setChangingPassword={setChangingPassword} onLogout={() => setLoggedIn(false)}>
      {page}
    </Console>
  );
}

/** The logged-in frame: header with the user menu, the menu on the left, the page. */
function Console({ title, section, go, langButton, changingPassword, setChangingPassword, onLogout, children }: {
  title: string; section: string; go: (h: string) => void; langButton: ReactNode; changingPassword: boolean;
  setChangingPassword: (b: boolean) => void; onLogout: () => void; children: ReactNode;
}) {
  const t = useT();
  usePageTitle(title);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {t('app.title')}
        </Typography.Title>
        <Space>
          {langButton}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', label: <span className="menu-password">{t('menu.password')}</span> },
                { key: 'logout', label: <span className="menu-logout">{t('menu.logout')}</span> },
              ],
              onClick: async ({ key }) => {
                if (key === 'password') {
                  setChangingPassword(true);
                } else {
                  await logout();
                  onLogout();
                }
              },
            }}
          >
            <Button size="small" className="user-menu">
              {getAccount()?.name ?? 'admin'} ▾
            </Button>
          </Dropdown>
        </Space>
        <ChangePassword open={changingPassword} onClose={() => setChangingPassword(false)} />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[section]}
            onClick={(e) => go(`/${e.key}`)}
            items={[
              { key: 'hosts', label: t('menu.hosts') },
              { key: 'sources', label: t('menu.sources') },
              { key: 'tasks', label: t('menu.tasks') },
            ]}
          />
        </Layout.Sider>
        {/* minWidth 0: a wide table scrolls inside the content instead of widening the page */}
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<Spin className="page-loading" />}>{children}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export default function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const ctx = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const setLang = (l: Lang) => {
    rememberLang(l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLangState(l);
  };
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} button={{ autoInsertSpace: false }}>
      <AntApp>
        <I18n.Provider value={ctx}>
          <Shell lang={lang} setLang={setLang} />
        </I18n.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
