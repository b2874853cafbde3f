{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p>{{WELCOME}}</p>
{{#OMBUD}}
<section aria-labelledby="my-clients">
  <h2 id="my-clients">[[start.my_clients]]</h2>
  {{#NO_CLIENTS}}<p>[[start.no_clients]]</p>{{/NO_CLIENTS}}
</section>
{{/OMBUD}}
{{#SAMORDNARE}}<p>[[start.samordnare_intro]]</p>{{/SAMORDNARE}}
{{#LEDNING}}<p>[[start.ledning_intro]]</p>{{/LEDNING}}
{{#LANSSTYRELSE}}<p>[[start.lansstyrelse_intro]]</p>{{/LANSSTYRELSE}}
{{#ADMIN}}
<p>[[start.admin_intro]]</p>
<section aria-labelledby="users-heading">
  <h2 id="users-heading">[[start.users]]</h2>
  <div class="table-wrap">
  <table>
    <thead><tr><th scope="col">[[start.user_name]]</th><th scope="col">[[start.user_username]]</th><th scope="col">[[start.user_role]]</th><th scope="col">[[start.user_status]]</th></tr></thead>
    <tbody>
      {{#USER}}<tr><td>{{NAME}}</td><td>{{USERNAME}}</td><td>{{ROLE}}</td><td>{{STATUS}}</td></tr>{{/USER}}
    </tbody>
  </table>
  </div>
</section>
{{/ADMIN}}
<p class="hint">[[session.idle_note]]</p>
