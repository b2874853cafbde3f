{{%AUTOESCAPE context="HTML"}}<h1>[[login.title]]</h1>
{{>ERRORS}}
<p>[[login.intro]]</p>
<form method="post" action="/login" class="form" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <div class="field{{#USERNAME_ERROR}} has-error{{/USERNAME_ERROR}}">
    <label for="username">[[login.username]]</label>
    {{#USERNAME_ERROR}}<p class="field-error" id="username-error">{{MESSAGE}}</p>{{/USERNAME_ERROR}}
    <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="{{USERNAME}}"{{#USERNAME_ERROR}} aria-invalid="true" aria-describedby="username-error"{{/USERNAME_ERROR}}>
  </div>
  <div class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}">
    <label for="password">[[login.password]]</label>
    {{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
    <input id="password" name="password" type="password" autocomplete="current-password" required{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
  </div>
  <button type="submit" class="button">[[login.submit]]</button>
</form>
