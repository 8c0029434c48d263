import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { AdminPage } from './scenes/Admin/AdminPage.tsx';
import { ContactsPage } from './scenes/Contacts/ContactsPage.tsx';
import { DirectoryPage } from './scenes/Directory/DirectoryPage.tsx';
import { EditProfilePage } from './scenes/EditProfile/EditProfilePage.tsx';
import { GardenPage } from './scenes/Garden/GardenPage.tsx';
import { ForgotPasswordPage } from './scenes/ForgotPassword/ForgotPasswordPage.tsx';
import { EgoMapPage } from './scenes/Garden/EgoMapPage.tsx';
import { HomePage } from './scenes/Home/HomePage.tsx';
import { ImportPage } from './scenes/Import/ImportPage.tsx';
import { ConversationPane } from './scenes/Messages/ConversationPane.tsx';
import { MessagesHome } from './scenes/Messages/MessagesHome.tsx';
import { MessagesLayout } from './scenes/Messages/MessagesLayout.tsx';
import { NewMessagePane } from './scenes/Messages/NewMessagePane.tsx';
import { NetworkPage } from './scenes/Network/NetworkPage.tsx';
import { IntroductionsPage } from './scenes/Introductions/IntroductionsPage.tsx';
import { AdmirePage } from './scenes/Admire/AdmirePage.tsx';
import { NotFoundPage } from './scenes/NotFound/NotFoundPage.tsx';
import { OutreachPage } from './scenes/Outreach/OutreachPage.tsx';
import { NotificationsPage } from './scenes/Notifications/NotificationsPage.tsx';
import { OpportunitiesPage } from './scenes/Opportunities/OpportunitiesPage.tsx';
import { OrganisationPage } from './scenes/Organisation/OrganisationPage.tsx';
import { MemberConnectionsPage } from './scenes/Profile/MemberConnectionsPage.tsx';
import { PostPage } from './scenes/Post/PostPage.tsx';
import { JoinPage } from './scenes/Join/JoinPage.tsx';
import { NoMorePage } from './scenes/Join/NoMorePage.tsx';
import { KeepInTouchPage } from './scenes/Relationships/KeepInTouchPage.tsx';
import { LedgerPage } from './scenes/Relationships/LedgerPage.tsx';
import { RelationshipsPage } from './scenes/Relationships/RelationshipsPage.tsx';
import { ProfilePage } from './scenes/Profile/ProfilePage.tsx';
import { RecommendationsPage } from './scenes/Recommendations/RecommendationsPage.tsx';
import { ResetPasswordPage } from './scenes/ResetPassword/ResetPasswordPage.tsx';
import { SearchPage } from './scenes/Search/SearchPage.tsx';
import { SettingsPage } from './scenes/Settings/SettingsPage.tsx';
import { SignInPage } from './scenes/SignIn/SignInPage.tsx';
import { SignUpPage } from './scenes/SignUp/SignUpPage.tsx';
import { TopicPage } from './scenes/Topic/TopicPage.tsx';
import { UnsubscribePage } from './scenes/Unsubscribe/UnsubscribePage.tsx';
import { VerifyEmailPage } from './scenes/VerifyEmail/VerifyEmailPage.tsx';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/signup', element: <SignUpPage /> },
      { path: '/signin', element: <SignInPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
      { path: '/unsubscribe', element: <UnsubscribePage /> },
      { path: '/join', element: <JoinPage /> },
      { path: '/join/no-more', element: <NoMorePage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/profile/edit', element: <EditProfilePage /> },
          { path: '/in/:handle', element: <ProfilePage /> },
          { path: '/in/:handle/connections', element: <MemberConnectionsPage /> },
          { path: '/org/:slug', element: <OrganisationPage /> },
          { path: '/search', element: <SearchPage /> },
          { path: '/members', element: <DirectoryPage /> },
          { path: '/topics/:topic', element: <TopicPage /> },
          { path: '/posts/:id', element: <PostPage /> },
          { path: '/network', element: <NetworkPage /> },
          { path: '/introductions', element: <IntroductionsPage /> },
          { path: '/admire', element: <AdmirePage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '/relationships', element: <RelationshipsPage /> },
          { path: '/contacts', element: <ContactsPage /> },
          { path: '/keep-in-touch', element: <KeepInTouchPage /> },
          { path: '/ledger', element: <LedgerPage /> },
          { path: '/outreach', element: <OutreachPage /> },
          { path: '/garden', element: <GardenPage /> },
          { path: '/opportunities', element: <OpportunitiesPage /> },
          { path: '/recommendations', element: <RecommendationsPage /> },
          { path: '/garden/map', element: <EgoMapPage /> },
          {
            path: '/messages',
            element: <MessagesLayout />,
            children: [
              { index: true, element: <MessagesHome /> },
              { path: '/messages/new', element: <NewMessagePane /> },
              { path: '/messages/:id', element: <ConversationPane /> },
            ],
          },
          { path: '/settings', element: <SettingsPage /> },
          { path: '/settings/import', element: <ImportPage /> },
          { path: '/admin', element: <AdminPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
