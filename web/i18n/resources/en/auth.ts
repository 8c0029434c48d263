/** Sign-in and sign-up. */
export default {
  signIn: {
    title: 'Sign in',
    subtitle: 'Welcome back.',
    email: 'Email',
    password: 'Password',
    forgotPassword: 'Forgot password?',
    submit: 'Sign in',
    newHere: 'New here?',
    createAccount: 'Create an account',
    enterEmail: 'Enter your email',
    enterPassword: 'Enter your password',
  },
  signUp: {
    title: 'Join Rapport',
    subtitle: 'Build relationships that matter in your community.',
    fullName: 'Full name',
    email: 'Email',
    password: 'Password',
    passwordHint: 'At least {min} characters; a passphrase works well.',
    submit: 'Create account',
    alreadyMember: 'Already a member?',
    signIn: 'Sign in',
    enterName: 'Enter your name',
    enterValidEmail: 'Enter a valid email address',
    passwordTooShort: 'Use at least {min} characters',
  },
};
